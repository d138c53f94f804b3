// 公示: the publicity tables of the desk's classes for a week, from the same data and engine as the desk
// (useGradeDesk), with only what may be published (with 审核 on, only approved homework), and the words
// the sheet exports (CSV with a BOM; XLSX through a library loaded only when exporting).
import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { buildPublicity, isPublishable, type PublicityTable } from '@hl/core/domain/publicity'
import { formatDate } from '@hl/core/domain/formatDate'
import { publicityCsv, publicityFileName, publicitySheet, type PublicityWords } from '@hl/core/formats/publicity'
import { useGradeDesk, type DeskScope } from './useDesk'
import { useSchool } from './useSchool'
import { useDisplayNames } from './useDisplayNames'
import { downloadText } from './download'

export function usePublicity(scope: Ref<DeskScope | undefined>, monday: Ref<string>) {
  const { t } = useI18n()
  const names = useDisplayNames()
  const { context, rules, calendar } = useSchool()
  const desk = useGradeDesk(scope, computed(() => 'week' as const), monday)

  const tables = computed<PublicityTable[]>(() => {
    const d = desk.data.value
    if (!d) return []
    const all = desk.assignments.value
    return d.classes.map((c) =>
      buildPublicity({
        schoolName: context.value?.school.name ?? '',
        publishedBy: context.value?.me?.name ?? '',
        ...(context.value?.term ? { termStart: context.value.term.startDate } : {}),
        classRef: { grade: c.cls.grade, className: c.cls.name },
        weekOf: monday.value,
        assignments: all.filter((a) => a.cls.id === c.cls.id && isPublishable(a.approval.state)).map((a) => a.engine),
        roster: { classRef: { grade: c.cls.grade, className: c.cls.name }, students: c.students.map((s) => ({ name: s.name, tiers: Object.fromEntries(c.tiers.filter((x) => x.studentId === s.id).map((x) => [x.subject, x.tier])) })) },
        calendar: calendar.value,
        rules: rules.value,
      }),
    )
  })
  const classIds = computed(() => desk.data.value?.classes.map((c) => c.cls.id) ?? [])
  /** Homework awaiting approval this week, per class: not in the table until approved. */
  const pending = computed(() => {
    const out = new Map<string, number>()
    for (const a of desk.assignments.value) if (a.approval.state === 'submitted' || a.approval.state === 'returned') out.set(a.cls.id, (out.get(a.cls.id) ?? 0) + 1)
    return out
  })

  const range = (table: PublicityTable) => t('publicity.range', { from: formatDate(table.weekStart, names.lang.value), to: formatDate(table.weekEnd, names.lang.value) })
  const words = computed<PublicityWords>(() => ({
    title: (table) => t('publicity.tableTitle', { school: table.schoolName, cls: table.classRef.className }) + (table.teachingWeek ? ` · ${t('publicity.week', { n: table.teachingWeek })}` : ''),
    subtitle: (table) => t('publicity.subtitle', { range: range(table), name: table.publishedBy }),
    header: {
      date: t('publicity.date'),
      subject: t('publicity.subject'),
      content: t('publicity.content'),
      kind: t('publicity.kind'),
      where: t('publicity.where'),
      minutes: t('publicity.minutes'),
      total: t('publicity.total'),
      cap: t('publicity.cap'),
      note: t('publicity.note'),
    },
    weekday: (n) => t(`desk.weekday.${n}`),
    kind: (k) => t(`kind.${k}`),
    where: (w) => t(`where.${w}`),
    optional: t('publicity.optional'),
    evening: (index, of) => t('publicity.evening', { index, of }),
    over: t('publicity.over'),
    noHomework: t('publicity.noHomework'),
    restDay: t('publicity.restDay'),
    noCap: t('publicity.noCap'),
  }))
  // Subjects are stored in Chinese; the sheet names them in the user's language like the screen does.
  const localized = (list: readonly PublicityTable[]) => list.map((table) => ({ ...table, days: table.days.map((d) => ({ ...d, entries: d.entries.map((e) => ({ ...e, subject: names.subject(e.subject) })) })) }))

  function label(list: readonly PublicityTable[]): string {
    return list.length === 1 ? list[0]!.classRef.className : t('desk.title.grade', { grade: list[0]?.classRef.grade ?? '' })
  }
  return {
    desk,
    tables,
    classIds,
    pending,
    words,
    range,
    localized,
    exportCsv(list: readonly PublicityTable[]): string {
      const file = publicityFileName(label(list), monday.value, 'csv')
      downloadText(file, publicityCsv(localized(list), words.value), 'text/csv;charset=utf-8')
      return file
    },
    async exportXlsx(list: readonly PublicityTable[]): Promise<string> {
      const { publicityXlsx } = await import('./publicityXlsx')
      const file = publicityFileName(label(list), monday.value, 'xlsx')
      const blob = await publicityXlsx(localized(list).map((table) => publicitySheet(table, words.value)))
      const url = URL.createObjectURL(blob)
      const a = document.createElement('a')
      a.href = url
      a.download = file
      document.body.append(a)
      a.click()
      a.remove()
      setTimeout(() => URL.revokeObjectURL(url), 1000)
      return file
    },
  }
}
