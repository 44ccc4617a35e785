import { type ComponentType, createElement, lazy } from 'react';

/**
 * A screen in a chunk of its own that starts loading at once instead of
 * when first shown, and renders without suspending once loaded. A plain
 * lazy() suspends on its first render even when its chunk is already
 * there, and React holds a Suspense boundary's content back for up to
 * 300 ms after its fallback showed (its fallback throttle): each screen on
 * an editor's first path (the signed-in shell, the clinic workspace) came
 * that much late. For the screens nearly every visit opens.
 */
export function preloaded<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  const loading = load().then((module) => (loaded = module.default));
  const Lazy = lazy(async () => ({ default: await loading }));
  return function Preloaded(props: P) {
    return createElement(loaded ?? Lazy, props);
  };
}
