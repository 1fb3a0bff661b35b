import Image from "next/image";

/** A small square product photo that only decorates (its text is beside it): empty alt, fixed size. */
export function Thumbnail({ src, size, className = "" }: { src: string; size: number; className?: string }) {
  return (
    <Image
      src={src}
      alt=""
      width={size}
      height={size}
      sizes={`${size}px`}
      className={`rounded bg-well object-cover ${className}`}
    />
  );
}
