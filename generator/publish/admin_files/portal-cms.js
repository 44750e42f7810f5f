// The portal's additions to Decap CMS (loaded before decap-cms.js, which then waits for CMS.init):
// its configuration (config.yml, generated from the schema: generator/publish/admin.py), the
// interface language of the page (/admin/: English, /admin/zh/: Simplified Chinese), the
// portal's own stylesheets in the preview pane, the `yaml-list` format of the catalogues, and the
// news title's widget.
"use strict";
window.CMS_MANUAL_INIT = true;

(function () {
  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : "";
  }

  // Empty values are left out, as a hand-written catalogue leaves them out: the readers treat a
  // missing optional key as absent, and an empty text ({en: "", zh: ""}) as a mistake.
  function prune(value) {
    if (Array.isArray(value)) {
      var items = value.map(prune).filter(function (v) { return v !== undefined; });
      return items.length ? items : undefined;
    }
    if (value && typeof value === "object") {
      var out = {};
      Object.keys(value).forEach(function (key) {
        var v = prune(value[key]);
        if (v !== undefined) out[key] = v;
      });
      return Object.keys(out).length ? out : undefined;
    }
    if (value === null || value === "" || value === false || value === undefined) return undefined;
    return value;
  }

  // data/*.yml are YAML lists of entries (generator/read/catalogue.py reads them so); Decap edits
  // a file's fields, so the list is shown as the field `entries`. Every text is written in double
  // quotes, so YAML 1.1 (PyYAML) reads it back as the same text ("000", "yes", "2024-01").
  // The comment lines at the top of the file are kept; comments between entries are not.
  var yamlList = {
    fromFile: function (content) {
      var header = [];
      var lines = (content || "").split("\n");
      for (var i = 0; i < lines.length && /^\s*(#|$)/.test(lines[i]); i++) header.push(lines[i]);
      var entries = jsyaml.load(content || "", { schema: jsyaml.CORE_SCHEMA }) || [];
      if (!Array.isArray(entries)) throw new Error("expected a YAML list of entries");
      return { entries: entries, header: header.join("\n").trim() };
    },
    toFile: function (data) {
      var entries = (prune(data.entries) || []);
      var body = jsyaml.dump(entries, { forceQuotes: true, quotingType: '"', lineWidth: -1, noRefs: true,
                                        schema: jsyaml.CORE_SCHEMA });
      if (!entries.length) body = "[]\n";
      return (data.header ? data.header + "\n" : "") + body;
    },
  };

  // The news title: Decap names the files after the English one, in Latin letters; a title in
  // Chinese on the English side left no name, and saving failed with "slug is not allowed to be
  // empty". The string widget, refusing that before the save, in the editor's words.
  var CHINESE_ENGLISH_TITLE = "The English title is in Chinese: write it in English (the files are named " +
    "after it), and the Chinese title on the Chinese side · 英文标题是中文：请用英文书写（文件以英文标题命名），" +
    "中文标题写在中文一侧";

  function titleWidget(string) {
    class TitleControl extends string.control {
      isValid() {
        var value = this.props.value || "";
        if (this.props.locale === "en" && /[\u3400-\u9fff]/.test(value) && !/[A-Za-z]/.test(value)) {
          return { error: { type: "CUSTOM", message: CHINESE_ENGLISH_TITLE } };
        }
        return super.isValid ? super.isValid() : true;
      }
    }
    return TitleControl;
  }

  window.addEventListener("DOMContentLoaded", function () {
    var CMS = window.CMS || (window.DecapCms && window.DecapCms.default);
    CMS.registerCustomFormat("yaml-list", "yml", yamlList);
    var string = CMS.getWidget("string");
    CMS.registerWidget("title", titleWidget(string), string.preview);
    meta("portal-preview-styles").split(/\s+/).filter(Boolean).forEach(function (href) {
      CMS.registerPreviewStyle(href);
    });
    // The configuration is read here, not by Decap: Decap wants a YAML content type, which not
    // every static host sends for .yml files
    fetch(meta("portal-cms-config"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("config.yml: " + response.status);
        return response.text();
      })
      .then(function (text) {
        var config = jsyaml.load(text);
        config.load_config_file = false;
        config.locale = meta("portal-cms-locale") || "en";
        CMS.init({ config: config });
      });
  });
})();
