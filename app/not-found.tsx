import { NotFoundPage } from "@/components/layout/not-found-page";
import { ShopChrome } from "@/components/layout/shop-chrome";

/** An address nothing matches renders outside the (shop) group's layout, so it brings the shop's chrome itself. */
export default function NotFound() {
  return (
    <ShopChrome>
      <NotFoundPage />
    </ShopChrome>
  );
}
