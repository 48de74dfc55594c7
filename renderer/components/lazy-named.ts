import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A screen in a chunk of its own, loaded when first shown: `lazyNamed(() => import('./X'), 'X')`
 * for a module that exports the component by name.
 */
export function lazyNamed<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] }));
}
