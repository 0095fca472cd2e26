/*
 * Site search from file:// pages (a USB stick, a shared folder): browsers refuse to start a Web Worker
 * there, so an invisible iframe plays the search worker. The idea is the one of the iframe-worker package
 * (MIT, Martin Donath) that Material for MkDocs suggests; this version is written so that the only inline
 * script it puts into the iframe is always the same text (BOOTSTRAP, below), which the pages' Content
 * Security Policy allows by its hash (generator/site/csp.py reads the string from this file). The worker
 * script itself is loaded as a file.
 *
 * Loaded by Material as a polyfill before its bundle; does nothing on http(s), where real workers run.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:" || !window.EventTarget) {
    return;
  }

  // Runs inside the iframe: the worker's postMessage goes to the page, importScripts loads files in order
  // (relative to the worker's own address, as in a real worker),
  // errors are reported to the page under the worker's address.
  var BOOTSTRAP = "self.postMessage=function(data){parent.postMessage(data,'*')};self.importScripts=function(){var urls=Array.prototype.slice.call(arguments);return urls.reduce(function(done,url){return done.then(function(){return new Promise(function(resolve){var script=document.createElement('script');script.src=new URL(url,frameElement.getAttribute('data-worker')).href;script.onload=resolve;document.body.appendChild(script)})})},Promise.resolve())};addEventListener('error',function(event){parent.dispatchEvent(new ErrorEvent('error',{filename:frameElement.getAttribute('data-worker'),error:event.error}))});";

  function quoteAttribute(value) {
    return String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  }

  class FileWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = new URL(String(url), document.baseURI).href;  // the iframe resolves nothing relative to the page
      this.onmessage = null;
      this.onerror = null;
      var frame = document.createElement("iframe");
      frame.hidden = true;
      frame.setAttribute("data-worker", this.url);
      frame.setAttribute("title", "search");
      document.body.appendChild(frame);
      this.frame = frame;
      var self = this;
      this.relay = function (event) {
        if (event.source !== frame.contentWindow) {
          return;
        }
        var message = new MessageEvent("message", { data: event.data });
        self.dispatchEvent(message);
        if (typeof self.onmessage === "function") {
          self.onmessage(message);
        }
      };
      this.report = function (event) {
        if (event.filename !== self.url) {
          return;
        }
        var error = new ErrorEvent("error", { message: event.message, filename: event.filename, error: event.error });
        self.dispatchEvent(error);
        if (typeof self.onerror === "function") {
          self.onerror(error);
        }
      };
      window.addEventListener("message", this.relay);
      window.addEventListener("error", this.report);
      var inner = frame.contentWindow.document;
      inner.open();
      inner.write("<html><body><script>" + BOOTSTRAP + "<\/script><script src=\"" + quoteAttribute(this.url) + "\"><\/script></body></html>");
      inner.close();
      this.ready = new Promise(function (resolve, reject) {
        frame.contentWindow.onload = resolve;
        frame.contentWindow.onerror = reject;
      });
    }

    postMessage(data) {
      var frame = this.frame;
      this.ready.catch(function () {}).then(function () {
        frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) }));
      });
    }

    terminate() {
      window.removeEventListener("message", this.relay);
      window.removeEventListener("error", this.report);
      this.frame.remove();
    }
  }

  window.Worker = FileWorker;
})();
