// Subjects taught in each grade (policy.md, "Numbers for realistic data"): 语文, 数学, 道德与法治, 科学,
// 体育与健康, 艺术, 劳动 from grade 1; 英语, 信息科技 and 综合实践 from grade 3; 历史, 地理, 生物学 from
// grade 7; 物理 from grade 8; 化学 in grade 9.
import type { Grade } from '@hl/core/domain/types'

const FROM_GRADE: readonly [string, Grade][] = [
  ['语文', 1],
  ['数学', 1],
  ['英语', 3],
  ['道德与法治', 1],
  ['科学', 1],
  ['历史', 7],
  ['地理', 7],
  ['生物学', 7],
  ['物理', 8],
  ['化学', 9],
  ['信息科技', 3],
  ['综合实践', 3],
  ['体育与健康', 1],
  ['艺术', 1],
  ['劳动', 1],
]

export function subjectsOfGrade(grade: Grade): string[] {
  return FROM_GRADE.filter(([, from]) => grade >= from).map(([s]) => s)
}

/** The subjects that usually set layered written homework. */
export const CORE_SUBJECTS: readonly string[] = ['语文', '数学', '英语']
