/**
 * Lets the browser paint and handle input before the next step: resolves in a new task (a macrotask,
 * not a microtask), so a long piece of work split at these points never blocks a tap for long.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))
