import {
  BuildingLibraryIcon,
  ClipboardDocumentListIcon,
  Cog6ToothIcon,
  CubeIcon,
  DocumentCurrencyRupeeIcon,
  DocumentTextIcon,
  ExclamationTriangleIcon,
  LinkIcon,
  ScaleIcon,
  ShoppingBagIcon,
  Squares2X2Icon,
} from "@heroicons/react/24/outline";
import type { AdminRole } from "@/lib/auth/admins";

import { NavLink } from "./nav-link";

type Icon = typeof Squares2X2Icon;
interface Item {
  href: string;
  label: string;
  icon: Icon;
  ownerOnly?: boolean;
  /** Carries the count of things waiting on the Needs attention page. */
  counted?: boolean;
}

/** The admin's destinations, grouped by the merchant's jobs: selling, the money, and the shop itself. */
const GROUPS: { label: string; items: Item[] }[] = [
  {
    label: "Sell",
    items: [
      { href: "/admin", label: "Dashboard", icon: Squares2X2Icon },
      { href: "/admin/attention", label: "Needs attention", icon: ExclamationTriangleIcon, counted: true },
      { href: "/admin/orders", label: "Orders", icon: ShoppingBagIcon },
      { href: "/admin/payment-links", label: "Payment links", icon: LinkIcon },
      { href: "/admin/products", label: "Products", icon: CubeIcon },
    ],
  },
  {
    label: "Money",
    items: [
      { href: "/admin/settlements", label: "Settlements", icon: BuildingLibraryIcon },
      { href: "/admin/disputes", label: "Disputes", icon: ScaleIcon },
      { href: "/admin/gst", label: "GST report", icon: DocumentCurrencyRupeeIcon, ownerOnly: true },
    ],
  },
  {
    label: "Shop",
    items: [
      { href: "/admin/policies", label: "Policies", icon: DocumentTextIcon, ownerOnly: true },
      { href: "/admin/settings", label: "Settings", icon: Cog6ToothIcon, ownerOnly: true },
      { href: "/admin/audit", label: "Audit log", icon: ClipboardDocumentListIcon, ownerOnly: true },
    ],
  },
];

/** The count beside Needs attention (and on the phone's Menu button); nothing when there is nothing to do. */
export function AttentionBadge({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="ml-auto min-w-5 rounded-full bg-red-700 px-1.5 text-center text-xs leading-5 font-semibold text-white tabular-nums">
      <span aria-hidden="true">{count > 99 ? "99+" : count}</span>
      <span className="sr-only">{` (${count} to look at)`}</span>
    </span>
  );
}

/**
 * The grouped navigation, as the desktop sidebar and inside the phone's menu (one of the two is shown). Each
 * group is a list named by its heading; staff see only the groups and pages they may open.
 */
export function AdminNav({
  role,
  attention,
  placement,
}: {
  role: AdminRole;
  attention: React.ReactNode;
  /** "sidebar" or "menu": keeps the group headings' ids apart, as both copies are in the page. */
  placement: string;
}) {
  const groups = GROUPS.map((group) => ({
    ...group,
    items: group.items.filter((item) => !item.ownerOnly || role === "owner"),
  })).filter((group) => group.items.length > 0);
  return (
    <nav aria-label="Admin" className="space-y-5">
      {groups.map((group) => {
        const headingId = `${placement}-nav-${group.label.toLowerCase()}`;
        return (
          <div key={group.label}>
            <p id={headingId} className="px-3 pb-1 text-xs font-semibold tracking-wide text-stone-500 uppercase">
              {group.label}
            </p>
            <ul aria-labelledby={headingId} className="space-y-0.5">
              {group.items.map(({ href, label, icon: ItemIcon, counted }) => (
                <li key={href}>
                  <NavLink href={href}>
                    <ItemIcon aria-hidden="true" className="size-5 shrink-0 text-stone-500" />
                    {label}
                    {counted && attention}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}
