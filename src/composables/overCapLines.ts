// The evenings a publish would put over a rule, as sentences for the question asked before publishing:
// which class, which evening, the figure and the cap (issue: "Publishing over the cap asks first").
import type { ComposerTranslation } from 'vue-i18n'
import { formatDate } from '@hl/core/domain/formatDate'
import { displayMinutes } from '@/i18n/format'
import type { ClassGauge } from './useEveningLoad'

export function overCapLines(gauges: readonly ClassGauge[], t: ComposerTranslation, locale: string): string[] {
  const lang = locale === 'en' ? 'en' : 'zh-CN'
  const out: string[] = []
  for (const { className, gauge } of gauges) {
    if (gauge.status !== 'over') continue
    const evening = formatDate(gauge.date, lang)
    const written = gauge.findings.find((f) => f.severity === 'error' && f.rule === 'no-written-homework')
    if (written) out.push(t('designer.overCap.noWritten', { className, evening }))
    else if (gauge.capMinutes !== null) out.push(t('designer.overCap.line', { className, evening, average: displayMinutes(gauge.averageMinutes), cap: displayMinutes(gauge.capMinutes) }))
    else out.push(t('designer.overCap.other', { className, evening }))
  }
  return out
}
