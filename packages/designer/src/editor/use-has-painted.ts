import { useEffect, useState } from 'react';

/**
 * False until the browser has painted the component's first frame: work that can wait (checking
 * a big flow) runs after the page is on screen rather than before it.
 */
export function useHasPainted(): boolean {
  const [hasPainted, setHasPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from an animation frame runs once that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setHasPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return hasPainted;
}
