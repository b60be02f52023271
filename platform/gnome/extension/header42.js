// GNOME Shell 42 to 44 load extensions through imports and init().
const {Gio, GLib, Shell} = imports.gi;

