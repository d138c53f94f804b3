// The 公示 sheets as an XLSX workbook (one sheet per class): the title in the first row across the table,
// who and which week in the second, bold headers, column widths set, the first three rows frozen.
// write-excel-file (with fflate) is loaded only here, when a teacher exports.
import writeXlsxFile, { type SheetData } from 'write-excel-file/universal'
import type { PublicitySheet } from '@hl/core/formats/publicity'

export function sheetData(sheet: PublicitySheet): SheetData {
  const span = sheet.header.length
  const pad = (n: number) => Array.from({ length: n }, () => null)
  return [
    [{ value: sheet.title, fontWeight: 'bold', fontSize: 14, columnSpan: span }, ...pad(span - 1)],
    [{ value: sheet.subtitle, columnSpan: span }, ...pad(span - 1)],
    sheet.header.map((h) => ({ value: h, fontWeight: 'bold' as const, borderStyle: 'thin' as const })),
    ...sheet.rows.map((row) => row.map((cell) => ({ value: cell === '' ? null : cell, ...(typeof cell === 'number' ? { type: Number } : { type: String }), borderStyle: 'thin' as const, wrap: true }))),
  ] as SheetData
}

/** Sheet names: unique, at most 31 characters, none of Excel's forbidden characters. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 28) || 'Sheet'
  let name = base
  for (let i = 2; used.has(name); i++) name = `${base} ${i}`
  used.add(name)
  return name
}

export async function publicityXlsx(sheets: readonly PublicitySheet[]): Promise<Blob> {
  const used = new Set<string>()
  const result = writeXlsxFile(
    sheets.map((sheet) => ({ data: sheetData(sheet), sheet: sheetName(sheet.title, used), columns: sheet.widths.map((width) => ({ width })), stickyRowsCount: 3, orientation: 'landscape' as const })),
    { fontFamily: 'Microsoft YaHei', fontSize: 11 },
  )
  return result.toBlob()
}
