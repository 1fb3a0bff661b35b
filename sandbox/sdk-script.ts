/**
 * The sandbox's stand-in for https://sdk.cashfree.com/js/v3/cashfree.js (https://www.cashfree.com/docs/payments/online/web/redirect).
 * Same global, same form POST to /pg/view/sessions/checkout, same promise results; the only change is
 * that the form goes to the sandbox's origin, taken from this script's own URL.
 *
 * Known difference: Cashfree's iframe page learns it is embedded from the iframe's base64 `name`; ours
 * is also told by an `embed` form field, which Cashfree ignores.
 */
const SDK_VERSION = "2024.08.01";

const script = String.raw`(function () {
  "use strict";
  if (window.Cashfree) return;
  var current = document.currentScript;
  var origin = current && current.src ? new URL(current.src).origin : location.origin;
  var ACTION = origin + "/pg/view/sessions/checkout";

  function incomplete(message) {
    return { error: { type: "incomplete_request_error", code: "incomplete_values_found", message: message } };
  }
  var ABORTED = { error: { type: "incomplete_request_error", code: "payment_aborted", message: "Payment has been aborted. Please try again" } };
  var FINISHED = { paymentDetails: { paymentMessage: "Payment finished. Check status." } };
  var UNITS = /^\d+(\.\d+)?(px|%|vh|vw|svh|dvh|em|rem)$/;

  function field(form, name, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }

  function buildForm(options, target, platformLetter, embed) {
    var form = document.createElement("form");
    form.id = "checkout-cf-form" + Math.random().toString(36).slice(2);
    form.method = "post";
    form.action = ACTION;
    form.target = target;
    form.style.display = "none";
    field(form, "payment_session_id", options.paymentSessionId);
    field(form, "x_request_id", "x_request_id_form_atom");
    field(form, "form_id", "form_id_atom");
    field(form, "browser_meta", btoa(JSON.stringify({ userAgent: navigator.userAgent })));
    field(form, "platform", "js" + String(options.platformName || "xx").slice(0, 2).toLowerCase() + "-" + platformLetter + "-${SDK_VERSION}-x-d");
    if (options.returnUrl) field(form, "return_url", options.returnUrl);
    if (embed) field(form, "embed", embed);
    document.body.appendChild(form);
    return form;
  }

  function openInPage(options, element) {
    var modal = element === "_modal";
    var appearance = options.appearance || {};
    var old = document.getElementById("cashfree-modal-container");
    if (old) old.remove();
    var container = document.createElement("div");
    container.id = "cashfree-modal-container";
    var width = appearance.width || "425px";
    var height = appearance.height || "790px";
    var narrow = window.innerWidth < 768;
    container.style.cssText = modal
      ? "position:fixed;top:50%;left:50%;transform:translate(-50%,-50%);z-index:2147483647;background:#fff;" +
        "box-shadow:0 0 1000px 2000px rgba(0,0,0,.5);border-radius:" + (appearance.borderRadius || "8px") + ";overflow:hidden;" +
        (narrow ? "width:100vw;height:100dvh;" : "width:" + width + ";height:" + height + ";max-height:calc(100vh - 60px);")
      : "position:relative;width:" + width + ";max-width:100%;height:" + height + ";background:" + (appearance.backgroundColor || "#fff") + ";" +
        "border:" + (appearance.borderWidth || "0px") + " solid " + (appearance.borderColor || "#fff") + ";border-radius:" + (appearance.borderRadius || "8px") + ";overflow:hidden;";
    var name = btoa(JSON.stringify({ parentName: "cashfree-modal-iframe", isWindowOpenSupported: true, parentDomain: location.origin }));
    var iframe = document.createElement("iframe");
    iframe.name = name;
    iframe.title = "Cashfree checkout";
    iframe.style.cssText = "width:100%;height:100%;border:0;display:block;";
    iframe.setAttribute("allow", "payment");
    container.appendChild(iframe);
    var savedOverflow = document.body.style.overflow;
    if (modal) {
      document.body.appendChild(container);
      document.body.style.setProperty("overflow", "hidden", "important");
    } else {
      element.appendChild(container);
    }
    return new Promise(function (resolve) {
      function done(result) {
        window.removeEventListener("message", onMessage);
        container.remove();
        if (modal) document.body.style.overflow = savedOverflow;
        resolve(result);
      }
      function onMessage(event) {
        var data = event.data;
        if (!data || typeof data !== "object") return;
        if ("paymentStatus" in data) done(FINISHED);
        else if ("closePopup" in data) done(ABORTED);
        else if ("redirectParent" in data) {
          window.removeEventListener("message", onMessage);
          resolve({ redirect: true });
        }
      }
      window.addEventListener("message", onMessage);
      var form = buildForm(options, name, modal ? "p" : "h", modal ? "modal" : "inline");
      form.submit();
      form.remove();
    });
  }

  function Cashfree(config) {
    var mode = config && (config.mode === "sandbox" || config.mode === "production") ? config.mode : null;
    return {
      version: function () { return "${SDK_VERSION}"; },
      checkout: function (options) {
        if (!options) return Promise.resolve(incomplete("payment options are not provided"));
        if (!options.paymentSessionId) return Promise.resolve(incomplete("paymentSessionId is missing in options"));
        if (!mode && !options.mode) return Promise.resolve(incomplete("mode is missing in options"));
        if (mode && options.mode && options.mode !== mode) return Promise.resolve(incomplete("mode not equals to context, mode shoud be " + mode));
        var appearance = options.appearance || {};
        var keys = ["height", "width", "borderWidth", "borderRadius"];
        for (var i = 0; i < keys.length; i++) {
          if (appearance[keys[i]] !== undefined && !UNITS.test(String(appearance[keys[i]]))) return Promise.resolve(incomplete("invalid " + keys[i] + " units"));
        }
        var target = options.redirectTarget || "_self";
        if (target === "_modal" || (typeof HTMLElement !== "undefined" && target instanceof HTMLElement)) return openInPage(options, target);
        var form = buildForm(options, target, "c", "");
        form.submit();
        form.remove();
        return Promise.resolve({ redirect: true });
      },
    };
  }
  window.Cashfree = Cashfree;
})();
`;

export function sdkScript(): string {
  return script;
}
