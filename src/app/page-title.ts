/**
 * Every page has its own `<title>`: the text of the screen's one `h1`, then the app's name. Read
 * from the rendered heading (a MutationObserver on `main`), so a screen only has to have its h1,
 * and the title changes with the language and with headings that load later (a procedure's name).
 */
import { useEffect } from 'preact/hooks';

export function titleFor(heading: string, appName: string): string {
  const text = heading.replace(/\s+/g, ' ').trim();
  if (!text) return appName;
  return text.startsWith(appName) ? text : `${text} · ${appName}`;
}

export function useDocumentTitle(appName: string): void {
  useEffect(() => {
    const main = document.getElementById('main');
    if (!main) return;
    const update = () => {
      const next = titleFor(main.querySelector('h1')?.textContent ?? '', appName);
      if (document.title !== next) document.title = next;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [appName]);
}
