/**
 * The browser globals the Chromium tests use inside page.evaluate. The project's TypeScript libraries are
 * Node's, not the DOM's, so each browser test declares these few, typed here, in its own module scope.
 */
export interface PageElement {
  tagName: string;
  attributes: ArrayLike<{ name: string }>;
  href: string;
  complete: boolean;
  naturalWidth: number;
  scrollWidth: number;
  scrollIntoView(): void;
  addEventListener(type: 'load' | 'error', listener: () => void, options: { once: boolean }): void;
  getBoundingClientRect(): { top: number };
}

export interface PageImage {
  src: string;
  width: number;
  height: number;
  decode(): Promise<void>;
}

export interface PageCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    drawImage(image: PageImage, x: number, y: number): void;
    getImageData(x: number, y: number, width: number, height: number): { data: ArrayLike<number> };
  } | null;
}

export interface PageDocument {
  title: string;
  body: PageElement;
  documentElement: PageElement;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
  getElementById(id: string): PageElement | null;
  createElement(tag: 'canvas'): PageCanvas;
}

export interface PageWindow {
  innerWidth: number;
  innerHeight: number;
  scrollTo(x: number, y: number): void;
}
