"use client";

import Image from "next/image";
import { useState } from "react";

import { Thumbnail } from "./thumbnail";

/**
 * The product's photos: the chosen one large (the one shown first loads eagerly, it is the page's largest paint),
 * the others as thumbnail buttons that load lazily. `initial` is the photo to show first (the chosen variant's).
 */
export function ProductGallery({ images, initial }: { images: { path: string; alt: string }[]; initial?: string }) {
  const [first] = useState(() =>
    Math.max(
      0,
      images.findIndex((image) => image.path === initial),
    ),
  );
  const [chosen, setChosen] = useState(first);
  const shown = images[chosen] ?? images[0]!;
  return (
    <div className="space-y-3">
      <Image
        src={shown.path}
        alt={shown.alt}
        width={640}
        height={640}
        priority={chosen === first}
        sizes="(min-width: 768px) 50vw, 100vw"
        className="aspect-square w-full bg-well object-cover sm:rounded-card md:rounded-2xl"
      />
      {images.length > 1 && (
        <ul aria-label="More photos" className="flex gap-2 overflow-x-auto px-4 sm:px-0">
          {images.map((image, index) => (
            <li key={image.path}>
              <button
                type="button"
                aria-label={`Show photo ${index + 1}: ${image.alt}`}
                aria-pressed={index === chosen}
                onClick={() => setChosen(index)}
                className={`block overflow-hidden rounded-control border-2 ${index === chosen ? "border-ink" : "border-transparent"}`}
              >
                <Thumbnail src={image.path} size={64} className="size-16 rounded-none" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
