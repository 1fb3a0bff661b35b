"use client";

import { useState } from "react";

import { Thumbnail } from "@/components/product/thumbnail";
import {
  addProductImageAction,
  describeProductImagesAction,
  moveProductImageAction,
  removeProductImageAction,
} from "@/lib/actions/admin/products";

import { ActionStatus, useActionStatus } from "./action-status";
import { TextField } from "./form-field";

interface GalleryImage {
  id: string;
  path: string;
  alt: string;
}

const UPLOAD_REFUSED = "The upload was refused: images must be 5 MB or smaller.";

const small =
  "min-h-8 rounded border border-stone-300 bg-white px-2 py-1 text-xs hover:bg-stone-100 disabled:opacity-40";

/**
 * The owner's photos of a product, the one way photos come in: describe them (one Save for all), reorder them (the
 * first is the cover), remove them, add one.
 */
export function GalleryEditor({ productId, images }: { productId: string; images: GalleryImage[] }) {
  const { pending, outcome, run } = useActionStatus();
  const adding = useActionStatus();
  const [refused, setRefused] = useState(false);
  return (
    <div className="space-y-4">
      <form
        aria-label="Photo descriptions"
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const alts = data.getAll("alt").map(String);
          run(() =>
            describeProductImagesAction({
              productId,
              photos: images.map((image, i) => ({ imageId: image.id, alt: alts[i] ?? "" })),
            }),
          );
        }}
      >
        <ol aria-label="Photos" className="space-y-3">
          {images.map((image, index) => (
            <li key={image.id} className="flex items-start gap-3">
              <Thumbnail src={image.path} size={80} />
              <div className="flex flex-1 flex-wrap items-end gap-2">
                <label className="min-w-48 flex-1 text-sm font-medium">
                  Description of photo {index + 1} {index === 0 && <span className="text-stone-500">(cover)</span>}
                  <input
                    name="alt"
                    defaultValue={image.alt}
                    className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-1"
                  />
                </label>
                <div className="flex gap-1">
                  <button
                    type="button"
                    disabled={pending || index === 0}
                    aria-label={`Move photo ${index + 1} earlier`}
                    onClick={() => run(() => moveProductImageAction({ imageId: image.id, direction: -1 }))}
                    className={small}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={pending || index === images.length - 1}
                    aria-label={`Move photo ${index + 1} later`}
                    onClick={() => run(() => moveProductImageAction({ imageId: image.id, direction: 1 }))}
                    className={small}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    disabled={pending}
                    aria-label={`Remove photo ${index + 1}`}
                    onClick={() => run(() => removeProductImageAction({ imageId: image.id }))}
                    className={small}
                  >
                    Remove
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold hover:bg-stone-100 disabled:opacity-60"
          >
            {pending ? "Saving…" : "Save descriptions"}
          </button>
          <ActionStatus outcome={outcome} />
        </div>
      </form>
      <form
        aria-label="Add a photo"
        className="flex flex-wrap items-end gap-3 border-t border-stone-100 pt-4"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          data.set("productId", productId);
          setRefused(false);
          adding.run(
            async () => {
              try {
                return await addProductImageAction(data);
              } catch {
                // The request itself was refused (a file far over the limit never reaches the action).
                setRefused(true);
                return { ok: false as const, error: UPLOAD_REFUSED };
              }
            },
            (result) => result.ok && form.reset(),
          );
        }}
      >
        <TextField
          label="New photo"
          name="photo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          error={refused ? UPLOAD_REFUSED : adding.errors.photo}
        />
        <TextField label="Its description" name="alt" error={adding.errors.alt} className="min-w-48 flex-1" />
        <button
          type="submit"
          disabled={adding.pending}
          className="rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
        >
          {adding.pending ? "Uploading…" : "Add photo"}
        </button>
        <ActionStatus outcome={adding.outcome} className="w-full" />
      </form>
    </div>
  );
}
