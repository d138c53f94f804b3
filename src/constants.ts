// Keys the app stores outside the database, in one place (house-style habit 7), so that a rename is a
// one-line change and two modules can never disagree about a key.

/** localStorage key of the UI language the user chose. */
export const LOCALE_STORAGE_KEY = 'homework-ledger:locale'

/**
 * sessionStorage key prefix of the designer's unsaved draft (+ 'new' or the assignment id): a reload
 * mid-way (e.g. while a 先做 timer runs) finds the draft again; a new tab starts clean.
 */
export const DESIGNER_DRAFT_KEY_PREFIX = 'homework-ledger:designer-draft:'
