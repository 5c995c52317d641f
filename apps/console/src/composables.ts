import { ref } from 'vue';
import { ElMessage } from 'element-plus';
import { ApiError } from './api/errors';

/**
 * A page's loading state and its last refusal: `run` keeps the error for ApiErrorAlert instead
 * of throwing, and says whether the call went through.
 */
export function useCall() {
  const busy = ref(false);
  const error = ref<ApiError | null>(null);
  async function run<T>(action: () => Promise<T>, done?: string): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    try {
      const result = await action();
      if (done) ElMessage({ type: 'success', message: done });
      return result;
    } catch (caught) {
      if (!(caught instanceof ApiError)) throw caught;
      error.value = caught;
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  /** A write, then the page read again at the position the write returned (read-your-writes). */
  async function write(call: () => Promise<{ readonly position: string }>, done: string, reload: (position: string) => Promise<void>): Promise<boolean> {
    const written = await run(call, done);
    if (written) await reload(written.position);
    return written !== undefined;
  }
  return { busy, error, run, write };
}
