/** An ordinary link that navigates inside the app without a reload (new-tab clicks stay native). */
import type { ComponentChildren, JSX } from 'preact';
import { navigate } from '../router';

type Props = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href' | 'onClick'> & {
  href: string;
  children: ComponentChildren;
};

function isPlainClick(e: MouseEvent): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

export function Link({ href, children, ...rest }: Props) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        if (!isPlainClick(e)) return;
        e.preventDefault();
        // Same-page anchors ("/muc-do#toan-trinh") scroll after the screen renders.
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
