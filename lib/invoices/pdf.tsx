import "server-only";

import { Document, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";

import { formatDate } from "@/lib/format";
import { formatRate, stateCode, type IndianState } from "@/lib/gst/codes";
import { formatInr } from "@/lib/money";

import { documentFileName, type TaxDocument } from "./documents";
import { INVOICE_FONT_STACK, printableText, registerInvoiceFonts } from "./fonts";

const s = StyleSheet.create({
  page: { fontFamily: INVOICE_FONT_STACK, fontSize: 8.5, padding: 36, color: "#1c1917" },
  title: { fontSize: 15, fontWeight: "bold", marginBottom: 2 },
  row: { flexDirection: "row" },
  parties: { flexDirection: "row", marginTop: 14, marginBottom: 12, gap: 16 },
  party: { flex: 1, borderWidth: 0.5, borderColor: "#a8a29e", padding: 8 },
  label: { fontSize: 7, color: "#57534e", textTransform: "uppercase", marginBottom: 2 },
  bold: { fontWeight: "bold" },
  table: { borderTopWidth: 0.5, borderLeftWidth: 0.5, borderColor: "#a8a29e" },
  cell: { borderRightWidth: 0.5, borderBottomWidth: 0.5, borderColor: "#a8a29e", padding: 3 },
  head: { backgroundColor: "#f5f5f4", fontWeight: "bold" },
  right: { textAlign: "right" },
  totals: { marginTop: 10, marginLeft: "auto", width: 230 },
  footer: { marginTop: 24, fontSize: 7.5, color: "#57534e" },
});

type Style = ReturnType<typeof StyleSheet.create>[string];
type Column = { title: string; width: number | string; right?: boolean };

function Table({ columns, rows, bold }: { columns: Column[]; rows: string[][]; bold?: number[] }) {
  const cell = (column: Column, key: number, content: string, extra: Style = {}) => (
    <Text key={key} style={[s.cell, { width: column.width }, column.right ? s.right : {}, extra]}>
      {content}
    </Text>
  );
  return (
    <View style={s.table}>
      <View style={s.row} fixed>
        {columns.map((column, i) => cell(column, i, column.title, s.head))}
      </View>
      {rows.map((row, r) => (
        <View key={r} style={s.row} wrap={false}>
          {row.map((content, i) => cell(columns[i]!, i, content, bold?.includes(r) ? s.bold : {}))}
        </View>
      ))}
    </View>
  );
}

const stateWithCode = (state: string) => {
  try {
    return `${state} (${stateCode(state as IndianState)})`;
  } catch {
    return state;
  }
};

function lineRows(document: TaxDocument) {
  const intra = document.supply === "intra_state";
  const rows = document.lines.map((line, i) => [
    String(i + 1),
    line.description,
    line.hsnCode,
    line.quantity === null ? "—" : `${line.quantity} Nos`,
    formatInr(line.taxablePaise),
    formatRate(line.rateBps),
    ...(intra ? [formatInr(line.cgstPaise), formatInr(line.sgstPaise)] : [formatInr(line.igstPaise)]),
    formatInr(line.amountPaise),
  ]);
  const total = [
    "",
    "Total",
    "",
    "",
    formatInr(document.taxablePaise),
    "",
    ...(intra ? [formatInr(document.cgstPaise), formatInr(document.sgstPaise)] : [formatInr(document.igstPaise)]),
    formatInr(document.totalPaise),
  ];
  const columns: Column[] = [
    { title: "#", width: "4%" },
    { title: "Description", width: intra ? "26%" : "34%" },
    { title: "HSN", width: "8%" },
    { title: "Qty", width: "7%" },
    { title: "Taxable value", width: "13%", right: true },
    { title: "Rate", width: "7%", right: true },
    ...(intra
      ? [
          { title: "CGST", width: "11%", right: true },
          { title: "SGST", width: "11%", right: true },
        ]
      : [{ title: "IGST", width: "14%", right: true }]),
    { title: "Amount", width: "13%", right: true },
  ];
  return { columns, rows: [...rows, total], bold: [rows.length] };
}

function TaxDocumentPdf({ document }: { document: TaxDocument }) {
  const isInvoice = document.kind === "invoice";
  const { seller, buyer } = document;
  const table = lineRows(document);
  return (
    <Document
      title={`${isInvoice ? "Tax invoice" : "Credit note"} ${document.number}`}
      author={seller.name}
      creator={seller.name}
      producer={seller.name}
    >
      <Page size="A4" style={s.page}>
        <View style={[s.row, { justifyContent: "space-between" }]}>
          <View>
            <Text style={s.title}>{isInvoice ? "TAX INVOICE" : "CREDIT NOTE"}</Text>
            <Text>Original for recipient</Text>
          </View>
          <View style={{ textAlign: "right" }}>
            <Text>
              {isInvoice ? "Invoice no." : "Credit note no."} <Text style={s.bold}>{document.number}</Text>
            </Text>
            <Text>Date: {formatDate(document.issuedAt)}</Text>
            <Text>Order: {document.orderId}</Text>
            {!isInvoice && document.invoiceNumber && <Text>Against invoice: {document.invoiceNumber}</Text>}
          </View>
        </View>

        <View style={s.parties}>
          <View style={s.party}>
            <Text style={s.label}>Supplier</Text>
            <Text style={s.bold}>{seller.name}</Text>
            <Text>{seller.address}</Text>
            <Text>State: {stateWithCode(seller.state)}</Text>
            <Text>GSTIN: {seller.gstin}</Text>
          </View>
          <View style={s.party}>
            <Text style={s.label}>Recipient</Text>
            <Text style={s.bold}>{buyer.name}</Text>
            <Text>{buyer.address}</Text>
            <Text>State: {stateWithCode(buyer.state)}</Text>
            <Text>GSTIN: {buyer.gstin ?? "Unregistered (consumer)"}</Text>
          </View>
        </View>

        <View style={[s.row, { marginBottom: 8, gap: 16 }]}>
          <Text>Place of supply: {stateWithCode(document.placeOfSupply)}</Text>
          <Text>Supply: {document.supply === "intra_state" ? "Intra-state (CGST + SGST)" : "Inter-state (IGST)"}</Text>
          <Text>Tax payable on reverse charge: No</Text>
        </View>
        <Text style={{ marginBottom: 8 }}>Ship to: {buyer.shippingAddress}</Text>

        <Table {...table} />

        <View style={s.totals}>
          {[
            ["Taxable value", formatInr(document.taxablePaise)],
            ...(document.supply === "intra_state"
              ? [
                  ["CGST", formatInr(document.cgstPaise)],
                  ["SGST", formatInr(document.sgstPaise)],
                ]
              : [["IGST", formatInr(document.igstPaise)]]),
            [isInvoice ? "Invoice total" : "Total credited", formatInr(document.totalPaise)],
          ].map(([label, value], i, all) => (
            <View key={label} style={[s.row, { justifyContent: "space-between" }, i === all.length - 1 ? s.bold : {}]}>
              <Text>{label}</Text>
              <Text>{value}</Text>
            </View>
          ))}
        </View>

        <View style={s.footer}>
          {isInvoice ? (
            <Text>Paid online through Cashfree. Prices include GST.</Text>
          ) : (
            <Text>Issued for a refund of {formatInr(document.totalPaise)} under section 34 of the CGST Act.</Text>
          )}
          <Text style={{ marginTop: 16 }}>For {seller.name}</Text>
          <Text>Authorised signatory</Text>
          <Text style={{ marginTop: 8 }}>This is a computer-generated document and needs no signature.</Text>
        </View>
      </Page>
    </Document>
  );
}

/** What the shopper and the merchant typed, with what no font of the stack can draw (emoji) left out. */
async function printable(document: TaxDocument): Promise<TaxDocument> {
  const party = async <T extends TaxDocument["seller"]>(p: T): Promise<T> => ({
    ...p,
    name: await printableText(p.name),
    address: await printableText(p.address),
  });
  const buyer = await party(document.buyer);
  return {
    ...document,
    seller: await party(document.seller),
    buyer: { ...buyer, shippingAddress: await printableText(buyer.shippingAddress) },
    lines: await Promise.all(
      document.lines.map(async (line) => ({ ...line, description: await printableText(line.description) })),
    ),
  };
}

export async function renderTaxDocumentPdf(document: TaxDocument): Promise<Buffer> {
  registerInvoiceFonts();
  return renderToBuffer(<TaxDocumentPdf document={await printable(document)} />);
}

/** The document as a download. Private: its link carries the order's token. */
export async function taxDocumentResponse(document: TaxDocument) {
  const pdf = await renderTaxDocumentPdf(document);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${documentFileName(document)}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
