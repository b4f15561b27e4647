/**
 * Registers `tag` unless the name is taken already, for example when the
 * bundle is loaded twice or a second copy of it is on the page. The first
 * definition wins; the page keeps working either way.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag);
  if (existing) {
    if (existing !== ctor)
      console.warn(`[cluster-reportage] <${tag}> is already defined; this copy is not registered again.`);
    return;
  }
  try {
    registry.define(tag, ctor);
  } catch (e) {
    // another copy won a race, or the constructor was registered under another name
    console.warn(`[cluster-reportage] <${tag}> was not registered:`, e);
  }
}
