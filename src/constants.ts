// Keys the app stores outside the database, in one place (house-style habit 7), so that a rename is a
// one-line change and two modules can never disagree about a key.

/** localStorage key of the UI language the user chose. */
export const LOCALE_STORAGE_KEY = 'homework-ledger:locale'
