// Reading a chosen plan (its bytes decoded, or pasted text) against the school: the CPU-heavy part of
// the plan import (a whole term is 300,000 rows, about a second of work), run in a Web Worker
// (planRead.worker.ts) so the screen keeps answering while it reads. Where there is no Worker (unit
// tests, a very old browser), it runs here instead: the same function either way.
import { decodeText, looksLikeText, type Encoding, type EncodingChoice } from '@hl/core/formats/encoding'
import { readPlanForSchool, type PlanImportResult, type PlanSchool } from '@hl/core/formats/planImport'

export interface PlanReadRequest {
  fileName: string
  /** The file as chosen (decoded in `encoding`), or pasted text. */
  bytes?: Uint8Array
  text?: string
  encoding: EncodingChoice
  school: PlanSchool
}

export type PlanReadOutcome = { kind: 'notText' } | { kind: 'empty' } | { kind: 'read'; result: PlanImportResult; encoding?: Encoding }

export function readPlanSource(request: PlanReadRequest): PlanReadOutcome {
  let text = request.text
  let used: Encoding | undefined
  if (request.bytes) {
    const decoded = decodeText(request.bytes, request.encoding)
    if (!decoded.ok || !looksLikeText(decoded.text)) return { kind: 'notText' }
    text = decoded.text
    used = decoded.encoding
  }
  if (text === undefined || text.trim() === '') return { kind: 'empty' }
  return { kind: 'read', result: readPlanForSchool(text, request.fileName, request.school), ...(used ? { encoding: used } : {}) }
}

/** Reads in a worker when the browser has them; a worker that fails to start falls back to this thread. */
export function readPlanOffThread(request: PlanReadRequest): Promise<PlanReadOutcome> {
  if (typeof Worker === 'undefined') return Promise.resolve(readPlanSource(request))
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(new URL('./planRead.worker.ts', import.meta.url), { type: 'module' })
    } catch {
      resolve(readPlanSource(request))
      return
    }
    worker.onmessage = (event: MessageEvent<{ ok: true; outcome: PlanReadOutcome } | { ok: false; message: string }>) => {
      worker.terminate()
      if (event.data.ok) resolve(event.data.outcome)
      else reject(new Error(event.data.message))
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(event.message || 'The plan reader stopped'))
    }
    // Copied, not transferred: the bytes are kept to read the file again in another encoding.
    worker.postMessage(request)
  })
}
