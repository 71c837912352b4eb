// warta's editor page: registers the list-file formats, then starts Decap
// CMS. Loaded before Decap and js-yaml; all three are `defer`, so they run
// in document order and this listener fires after both are there.
'use strict';
window.CMS_MANUAL_INIT = true;

addEventListener('DOMContentLoaded', function () {
  var yaml = window.jsyaml;
  var CMS = window.CMS;
  function stop(text) {
    var p = document.createElement('p');
    p.className = 'cms-error';
    p.textContent = text;
    document.body.appendChild(p);
  }
  if (!yaml || !CMS) {
    stop('Editor tidak dapat dimuat. Periksa koneksi internet, lalu muat ulang halaman ini.');
    return;
  }
  // A site without `cms.repo` has nothing to sign in to; on the officer's
  // own computer Decap uses the local backend (decap-server) instead, and
  // only on these host names.
  var local = ['localhost', '127.0.0.1'].indexOf(location.hostname) >= 0;
  if (document.body.hasAttribute('data-tanpa-repo') && !local) {
    stop(
      'Ruang redaksi belum terhubung ke repositori situs. Pengelola situs perlu ' +
        'menambahkan "cms:" dengan "repo:" di data/site.yaml (Panduan Penulis, bagian "Menyiapkan ruang redaksi").'
    );
    return;
  }

  // Empty values the editor leaves behind (blank optional fields, an
  // unticked box): warta's defaults already mean the same, so the file
  // keeps only what an officer actually wrote.
  function clean(value) {
    if (Array.isArray(value)) {
      return value.map(clean).filter(function (v) { return v !== undefined; });
    }
    if (value && typeof value === 'object') {
      var out = {};
      Object.keys(value).forEach(function (k) {
        var v = clean(value[k]);
        if (v !== undefined) out[k] = v;
      });
      return Object.keys(out).length ? out : undefined;
    }
    if (value === null || value === undefined || value === '' || value === false) return undefined;
    return value;
  }

  // data/libraries/*.yaml and data/awards.yaml hold a list at the top level
  // (the site contract). Decap edits only files whose top level is a map,
  // so the editor sees the list under one key and it is written back as
  // the plain list. YAML 1.2 core schema, as warta reads it: `2024-01-31`
  // stays text, `"33.19"` keeps its quotes.
  var HEADER = '_komentar_berkas';
  function listFormat(key) {
    return {
      fromFile: function (text) {
        var v = yaml.load(text, { schema: yaml.CORE_SCHEMA });
        var out = {};
        // The file's opening comment (what the list is, where it comes
        // from) rides along under a key no field uses, and goes back on top.
        var head = /^(?:[ \t]*(?:#.*)?\r?\n)*/.exec(text)[0].trim();
        if (head) out[HEADER] = head;
        if (v === null || v === undefined) out[key] = [];
        else if (Array.isArray(v)) out[key] = v;
        else throw new Error('Berkas ini bukan daftar (setiap entri diawali "- ").');
        return out;
      },
      // Keys stay in the order Decap holds them: the file's own order for
      // records read from it, the order of the fields for new ones.
      toFile: function (data) {
        var items = (clean(data[key]) || []).filter(function (v) { return v !== undefined; });
        var body = yaml.dump(items, {
          schema: yaml.CORE_SCHEMA,
          lineWidth: -1,
          noRefs: true,
        });
        // A blank line between records, as people write these files.
        body = body.replace(/\n(?=- )/g, '\n\n');
        var head = typeof data[HEADER] === 'string' ? data[HEADER] + '\n\n' : '';
        return head + body;
      },
    };
  }
  CMS.registerCustomFormat('warta-libraries', 'yaml', listFormat('libraries'));
  CMS.registerCustomFormat('warta-awards', 'yaml', listFormat('awards'));
  // Decap has no Indonesian; these are the words an officer meets daily.
  // Decap fills any phrase missing here from its English.
  CMS.registerLocale('id', INDONESIAN);
  CMS.init();
});

var INDONESIAN = {
  auth: {
    login: 'Masuk',
    loggingIn: 'Sedang masuk…',
    loginWithNetlifyIdentity: 'Masuk dengan Netlify Identity',
    loginWithGitHub: 'Masuk dengan GitHub',
    loginWithGitLab: 'Masuk dengan GitLab',
    loginWithGitea: 'Masuk dengan Gitea',
  },
  app: {
    header: { content: 'Konten', workflow: 'Alur kerja', media: 'Media', quickAdd: 'Tambah cepat' },
    app: {
      errorHeader: 'Pengaturan editor tidak dapat dimuat',
      configErrors: 'Kesalahan pengaturan',
      loadingConfig: 'Memuat pengaturan…',
      waitingBackend: 'Menunggu server…',
    },
    notFoundPage: { header: 'Tidak ditemukan' },
  },
  collection: {
    sidebar: { collections: 'Koleksi', allCollections: 'Semua koleksi', searchAll: 'Cari di semua', searchIn: 'Cari di' },
    collectionTop: {
      sortBy: 'Urutkan',
      viewAs: 'Tampilan',
      newButton: 'Buat %{collectionLabel}',
      newButtonAriaLabel: 'Buat %{collectionLabel} baru',
      ascending: 'Naik',
      descending: 'Turun',
      searchResults: 'Hasil pencarian "%{searchTerm}"',
      searchResultsInCollection: 'Hasil pencarian "%{searchTerm}" di %{collection}',
      filterBy: 'Saring',
      groupBy: 'Kelompokkan',
    },
    entries: {
      loadingEntries: 'Memuat entri…',
      cachingEntries: 'Menyiapkan entri…',
      longerLoading: 'Ini bisa makan waktu beberapa menit',
      noEntries: 'Belum ada entri',
    },
  },
  editor: {
    editorControl: { field: { optional: 'tidak wajib' } },
    editorControlPane: {
      widget: {
        required: '%{fieldLabel} wajib diisi.',
        regexPattern: '%{fieldLabel} belum sesuai: %{pattern}.',
        range: '%{fieldLabel} harus antara %{minValue} dan %{maxValue}.',
        min: '%{fieldLabel} paling kecil %{minValue}.',
        max: '%{fieldLabel} paling besar %{maxValue}.',
      },
    },
    editor: {
      onLeavePage: 'Yakin ingin meninggalkan halaman ini?',
      onPublishing: 'Yakin ingin menerbitkan entri ini?',
      onDeletePublishedEntry: 'Yakin ingin menghapus entri yang sudah terbit ini?',
      onDeleteWithUnsavedChanges: 'Yakin ingin menghapus entri yang sudah terbit ini, beserta perubahan yang belum disimpan?',
      loadingEntry: 'Memuat entri…',
      confirmLoadBackup: 'Ada salinan cadangan entri ini di peramban. Pakai salinan itu?',
    },
    editorToolbar: {
      publishing: 'Menerbitkan…',
      publish: 'Terbitkan',
      published: 'Sudah terbit',
      publishNow: 'Terbitkan sekarang',
      publishAndCreateNew: 'Terbitkan, lalu buat baru',
      publishAndDuplicate: 'Terbitkan, lalu gandakan',
      duplicate: 'Gandakan',
      deleteEntry: 'Hapus entri',
      deletePublishedEntry: 'Hapus entri yang terbit',
      deleting: 'Menghapus…',
      saving: 'Menyimpan…',
      save: 'Simpan',
      backCollection: ' Menulis di koleksi %{collectionLabel}',
      unsavedChanges: 'Belum disimpan',
      changesSaved: 'Tersimpan',
      deployButtonLabel: 'Lihat di situs',
    },
    editorWidgets: {
      markdown: {
        bold: 'Tebal',
        italic: 'Miring',
        link: 'Tautan',
        linkPrompt: 'Tulis alamat tautan',
        headings: 'Judul bagian',
        quote: 'Kutipan',
        bulletedList: 'Daftar berbutir',
        numberedList: 'Daftar bernomor',
        addComponent: 'Sisipkan',
        richText: 'Teks',
        markdown: 'Markdown',
      },
      image: {
        choose: 'Pilih gambar',
        chooseUrl: 'Pakai alamat gambar',
        replaceUrl: 'Ganti dengan alamat',
        promptUrl: 'Tulis alamat gambar',
        chooseDifferent: 'Pilih gambar lain',
        remove: 'Hapus gambar',
      },
      datetime: { now: 'Hari ini', clear: 'Kosongkan', setToNow: 'Isi %{fieldLabel} dengan hari ini' },
      list: { add: 'Tambah %{item}', addType: 'Tambah %{item}' },
      object: { expand: 'Buka', collapse: 'Tutup' },
    },
  },
  mediaLibrary: {
    mediaLibrary: { onDelete: 'Yakin ingin menghapus berkas yang dipilih?', fileTooLarge: 'Berkas terlalu besar.\nUkuran paling besar %{size} kB.' },
    mediaLibraryModal: {
      loading: 'Memuat…',
      noResults: 'Tidak ada hasil.',
      noAssetsFound: 'Belum ada berkas.',
      noImagesFound: 'Belum ada gambar.',
      images: 'Gambar',
      mediaAssets: 'Berkas media',
      search: 'Cari…',
      uploading: 'Mengunggah…',
      upload: 'Unggah',
      download: 'Unduh',
      deleting: 'Menghapus…',
      deleteSelected: 'Hapus yang dipilih',
      chooseSelected: 'Pakai yang dipilih',
    },
  },
  ui: {
    default: { goBackToSite: 'Kembali ke situs' },
    settingsDropdown: { logOut: 'Keluar' },
    toast: {
      onFailToPersist: 'Gagal menyimpan: %{details}',
      onFailToDelete: 'Gagal menghapus: %{details}',
      missingRequiredField: 'Ada isian wajib yang masih kosong. Lengkapi dulu.',
      entrySaved: 'Entri tersimpan',
      entryPublished: 'Entri terbit',
      onFailToPublishEntry: 'Gagal menerbitkan: %{details}',
      onLoggedOut: 'Anda sudah keluar. Simpan salinan tulisan Anda, lalu masuk lagi.',
    },
  },
};
