import { ShopChrome } from "@/components/layout/shop-chrome";

/** The storefront's pages share the shop's header and footer; the admin has a layout of its own (app/admin). */
export default function ShopLayout({ children }: { children: React.ReactNode }) {
  return <ShopChrome>{children}</ShopChrome>;
}
