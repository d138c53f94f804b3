// The words teachers type in a CSV cell, in Chinese or English, mapped to the code's names
// (../../shared/glossary.md). English is matched case-insensitively; surrounding spaces never matter.
import type { ItemKind, Tier, Where } from '../domain/types'
import type { DayType } from '../domain/calendar'

export const KIND_WORDS: Readonly<Record<string, ItemKind>> = {
  written: 'written', 书面: 'written',
  oral: 'oral', 口头: 'oral',
  reading: 'reading', 阅读: 'reading',
  practice: 'practice', 实践: 'practice',
  exercise: 'exercise', 体育: 'exercise',
  chores: 'chores', 劳动: 'chores',
}

export const WHERE_WORDS: Readonly<Record<string, Where>> = {
  home: 'home', 家庭: 'home',
  school: 'school', 校内: 'school',
}

/** Also the glossary's everyday words: 必做 (core), 选做 (extend), 挑战 (challenge), and the "…层" forms. */
export const TIER_WORDS: Readonly<Record<string, Tier>> = {
  core: 'core', 基础: 'core', 基础层: 'core', 必做: 'core',
  extend: 'extend', 提高: 'extend', 提高层: 'extend', 选做: 'extend',
  challenge: 'challenge', 拓展: 'challenge', 拓展层: 'challenge', 挑战: 'challenge',
}

export const DAY_TYPE_WORDS: Readonly<Record<string, DayType>> = {
  school: 'school', 上课: 'school', 上学: 'school',
  rest: 'rest', 休息: 'rest', 放假: 'rest',
}

/** times.csv's 熔断 column: did the student stop at the cut-off? */
export const STOPPED_WORDS: Readonly<Record<string, boolean>> = {
  '0': false, 否: false, no: false,
  '1': true, 是: true, yes: true,
}

/** Looks a cell up in a word table; undefined when the word is unknown. */
export function lookupWord<T>(words: Readonly<Record<string, T>>, cell: string): T | undefined {
  // The keys are trimmed and in lower case: a cell written exactly as one is found without copying it.
  if (Object.hasOwn(words, cell)) return words[cell]
  const key = cell.trim().toLowerCase()
  return Object.hasOwn(words, key) ? words[key] : undefined
}

/** The accepted words of a table (the error messages list them; tests/i18n checks they agree). */
export function acceptedWords(words: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(words)
}

/** Tiers may be separated by | and, for people typing Chinese, by 、 or /. */
export const TIER_SEPARATOR = /[|、/]/
