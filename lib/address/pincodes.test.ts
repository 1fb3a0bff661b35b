import { describe, expect, it } from "vitest";

import { customerDetailsSchema } from "@/lib/checkout-schema";
import { DEMO_SELLER, pincodeIn, sellerInputSchema, sellerSchema } from "@/lib/gst/seller";

import { lookupPincode, pincodeMatchesState, pincodeStateProblem } from "./pincodes";

describe("PIN code and state", () => {
  // A few PINs per state and union territory, the edge prefixes among them: a state inside another's circle (Goa
  // in 40, Sikkim in 73, A&N in 74, Lakshadweep in 68), and the union territories the datasets file elsewhere.
  it.each([
    ["110001", "Delhi"],
    ["122001", "Haryana"],
    ["141001", "Punjab"],
    ["160017", "Chandigarh"],
    ["171001", "Himachal Pradesh"],
    ["180001", "Jammu and Kashmir"],
    ["190001", "Jammu and Kashmir"],
    ["194101", "Ladakh"],
    ["194103", "Ladakh"],
    ["226001", "Uttar Pradesh"],
    ["248001", "Uttarakhand"],
    ["302001", "Rajasthan"],
    ["380001", "Gujarat"],
    ["396210", "Dadra and Nagar Haveli and Daman and Diu"],
    ["362520", "Dadra and Nagar Haveli and Daman and Diu"],
    ["400001", "Maharashtra"],
    ["403001", "Goa"],
    ["462001", "Madhya Pradesh"],
    ["492001", "Chhattisgarh"],
    ["500001", "Telangana"],
    ["520001", "Andhra Pradesh"],
    ["530001", "Andhra Pradesh"],
    ["560025", "Karnataka"],
    ["600001", "Tamil Nadu"],
    ["605001", "Puducherry"],
    ["609602", "Puducherry"],
    ["682001", "Kerala"],
    ["695001", "Kerala"],
    ["682555", "Lakshadweep"],
    ["700001", "West Bengal"],
    ["737101", "Sikkim"],
    ["744101", "Andaman and Nicobar Islands"],
    ["751001", "Odisha"],
    ["781001", "Assam"],
    ["791111", "Arunachal Pradesh"],
    ["793001", "Meghalaya"],
    ["795001", "Manipur"],
    ["796001", "Mizoram"],
    ["797001", "Nagaland"],
    ["799001", "Tripura"],
    ["800001", "Bihar"],
    ["834001", "Jharkhand"],
  ])("%s is in %s, and nowhere else", (pincode, state) => {
    expect(lookupPincode(pincode)).toMatchObject({ known: true, states: [state] });
    expect(pincodeStateProblem(pincode, state)).toBeNull();
    const elsewhere = state === "Karnataka" ? "Kerala" : "Karnataka";
    expect(pincodeStateProblem(pincode, elsewhere)).toBe(`PIN code ${pincode} is in ${state}, not ${elsewhere}`);
  });

  it("refuses Delhi's 110001 with Karnataka in a sentence naming the rule, and suggests its city", () => {
    expect(pincodeStateProblem("110001", "Karnataka")).toBe("PIN code 110001 is in Delhi, not Karnataka");
    expect(lookupPincode("110001")).toEqual({ pincode: "110001", known: true, states: ["Delhi"], city: "New Delhi" });
    expect(lookupPincode("560025")).toMatchObject({ city: "Bengaluru" });
  });

  it("moves Leh and Kargil to Ladakh, which the datasets still call Jammu and Kashmir", () => {
    expect(pincodeStateProblem("194101", "Jammu and Kashmir")).toBe(
      "PIN code 194101 is in Ladakh, not Jammu and Kashmir",
    );
  });

  it.each([
    ["160014", ["Chandigarh", "Punjab"]],
    ["396230", ["Dadra and Nagar Haveli and Daman and Diu", "Gujarat"]],
    ["533464", ["Andhra Pradesh", "Puducherry"]],
    ["673310", ["Kerala", "Puducherry"]],
    ["783123", ["Assam", "Meghalaya"]],
  ])("accepts either state of %s, a PIN code on a state line", (pincode, states) => {
    for (const state of states) expect(pincodeStateProblem(pincode, state)).toBeNull();
    expect(pincodeStateProblem(pincode, "Bihar")).toBe(`PIN code ${pincode} is in ${states.join(" or ")}, not Bihar`);
  });

  it("accepts a PIN code missing from the list in a state its first digits serve (new ones appear), else names the prefix", () => {
    expect(lookupPincode("560999")).toEqual({ pincode: "560999", known: false, states: ["Karnataka"], prefix: "560" });
    expect(pincodeStateProblem("560999", "Karnataka")).toBeNull();
    expect(pincodeStateProblem("560999", "Delhi")).toBe("PIN codes starting with 560 are in Karnataka, not Delhi");
    expect(pincodeStateProblem("403999", "Maharashtra")).toBe(
      "PIN codes starting with 403 are in Goa, not Maharashtra",
    );
    // No sorting district 119 in the list: the circle, 11, is Delhi's.
    expect(pincodeStateProblem("119999", "Delhi")).toBeNull();
    expect(pincodeStateProblem("119999", "Punjab")).toBe("PIN codes starting with 11 are in Delhi, not Punjab");
  });

  it("refuses PIN codes no postal circle uses, and Army Postal Service codes", () => {
    expect(lookupPincode("100001")).toBeNull();
    expect(pincodeStateProblem("100001", "Delhi")).toBe("No Indian PIN code starts with 10: please check the PIN code");
    expect(pincodeStateProblem("900001", "Delhi")).toBe(
      "PIN codes starting with 9 are Army Postal Service codes: enter a civilian address",
    );
  });
});

describe("the server's checkout schema", () => {
  const serverSchema = customerDetailsSchema.superRefine(pincodeMatchesState);
  const customer = {
    name: "Asha Rao",
    email: "asha@example.com",
    phone: "9876543210",
    line1: "1 Janpath",
    city: "New Delhi",
    state: "Delhi",
    pincode: "110001",
  };

  it("puts a PIN code the state contradicts on the PIN code field", () => {
    expect(serverSchema.safeParse(customer).success).toBe(true);
    expect(serverSchema.safeParse({ ...customer, state: "Karnataka" }).error?.issues).toMatchObject([
      { path: ["pincode"], message: "PIN code 110001 is in Delhi, not Karnataka" },
    ]);
  });

  it("says only the format rule when the PIN code is malformed", () => {
    expect(serverSchema.safeParse({ ...customer, pincode: "012345" }).error?.issues.map((i) => i.message)).toEqual([
      "PIN codes don't start with 0: the first digit is the postal region, 1 to 8",
    ]);
  });
});

describe("the seller's registered address", () => {
  it("finds the PIN code the address ends with", () => {
    expect(pincodeIn("12 Residency Road, Bengaluru 560025")).toBe("560025");
    expect(pincodeIn("Plot 4, Sector 18, Noida 201 301.")).toBe("201301");
    expect(pincodeIn("12 Residency Road, Bengaluru")).toBeUndefined();
  });

  it("must end with a PIN code in the state of registration", () => {
    expect(sellerInputSchema.safeParse(DEMO_SELLER).success).toBe(true);
    const issues = (address: string) =>
      sellerInputSchema.safeParse({ ...DEMO_SELLER, address }).error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues("1 Janpath, New Delhi 110001")).toEqual([["address", "PIN code 110001 is in Delhi, not Karnataka"]]);
    expect(issues("12 Residency Road, Bengaluru")).toEqual([
      ["address", "End the address with its 6-digit PIN code, e.g. Bengaluru 560025"],
    ]);
  });

  it("still reads details saved before the check", () => {
    expect(sellerSchema.safeParse({ ...DEMO_SELLER, address: "12 Residency Road, Bengaluru" }).success).toBe(true);
  });
});
