/**
 * next/image's loader for the whole shop: images are served by the shop itself, uploads from /media at the
 * stored width nearest the one asked for (`?w=`), bundled SVGs as they are (the width is ignored there).
 */
export default function imageLoader({ src, width }: { src: string; width: number }) {
  return `${src}${src.includes("?") ? "&" : "?"}w=${width}`;
}
