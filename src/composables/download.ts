// Hands a text file to the browser as a download (a backup, a template).
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  // The browser has started the download by now; free the blob a little later (Safari needs the delay).
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
