// The plan reader's worker: one request, one answer (see planRead.ts). An exception is sent back as a
// message, so the screen shows it as any other error instead of waiting forever.
import { readPlanSource, type PlanReadRequest } from './planRead'

const scope = self as unknown as { onmessage: ((event: MessageEvent<PlanReadRequest>) => void) | null; postMessage(message: unknown): void }

scope.onmessage = (event) => {
  try {
    scope.postMessage({ ok: true, outcome: readPlanSource(event.data) })
  } catch (error) {
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
  }
}
