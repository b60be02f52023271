// Pingwise's GNOME Shell extension: it tells Pingwise which window is in
// front, which GNOME on Wayland tells no other client. It exports
// io.github.pingwise.Focus on the session bus from the shell's own
// connection (org.gnome.Shell) at /io/github/pingwise/Focus: Current()
// answers now, FocusChanged is sent when the focused window or its title
// changes. It reads nothing else and sends nothing else.

const FOCUS_IFACE = `<node>
  <interface name="io.github.pingwise.Focus">
    <method name="Current">
      <arg type="s" direction="out" name="app_id"/>
      <arg type="s" direction="out" name="wm_class"/>
      <arg type="s" direction="out" name="instance"/>
      <arg type="s" direction="out" name="title"/>
    </method>
    <signal name="FocusChanged">
      <arg type="s" name="app_id"/>
      <arg type="s" name="wm_class"/>
      <arg type="s" name="instance"/>
      <arg type="s" name="title"/>
    </signal>
  </interface>
</node>`;

class FocusReporter {
    enable() {
        this._dbus = Gio.DBusExportedObject.wrapJSObject(FOCUS_IFACE, this);
        this._dbus.export(Gio.DBus.session, '/io/github/pingwise/Focus');
        this._focusHandler = global.display.connect('notify::focus-window', () => this._follow());
        this._follow();
    }

    disable() {
        global.display.disconnect(this._focusHandler);
        this._watch(null);
        this._dbus.unexport();
        this._dbus = null;
    }

    // Current is the D-Bus method: the window in front, or empty strings.
    Current() {
        const w = global.display.focus_window;
        if (!w)
            return ['', '', '', ''];
        // The shell's app is the desktop entry the window belongs to; a
        // Wayland window's app id is its wm_class in Mutter.
        const app = Shell.WindowTracker.get_default().get_window_app(w);
        const id = app && app.get_id() ? app.get_id().replace(/\.desktop$/, '') : '';
        return [id, w.get_wm_class() || '', w.get_wm_class_instance() || '', w.get_title() || ''];
    }

    _follow() {
        this._watch(global.display.focus_window);
        this._send();
    }

    // _watch follows the title of the window in front: a browser tab or a
    // chat room changing is a change of what is in front.
    _watch(w) {
        if (this._window && this._titleHandler)
            this._window.disconnect(this._titleHandler);
        this._window = w;
        this._titleHandler = w ? w.connect('notify::title', () => this._send()) : 0;
    }

    _send() {
        this._dbus.emit_signal('FocusChanged', new GLib.Variant('(ssss)', this.Current()));
    }
}
