// A school's records now live on this device (set up, the demo school, a restored backup): ask the
// browser, once per path that puts them here, not to evict them when space runs low. Chromium decides
// silently, Firefox asks the user; a refusal is shown on 设置, not here, so the outcome is not awaited
// and can never fail the step that called it.
import { requestPersistence } from '@/db/storage'

export function keepSchoolData(): void {
  void requestPersistence().catch(() => null)
}
