import { onUnmounted } from 'vue';

/**
 * A dialog gives focus back to where it was when it closes, unless something else (a command
 * the dialog ran) has taken focus in the meantime.
 */
export function useFocusReturn(): void {
  const previous = typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null);
  onUnmounted(() => {
    const now = document.activeElement;
    if ((!now || now === document.body) && previous?.isConnected) previous.focus();
  });
}
