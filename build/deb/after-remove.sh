#!/bin/bash
# postrm of the deb (electron-builder.yml, deb.afterRemove). It undoes what the postinst
# did to system paths and nothing else: no home folder is touched, not even on `purge`,
# so each agent's settings, sign-in and logs stay (a reinstall picks them up), and the
# administrator's policy in /etc/call-tray/ stays too. On `upgrade` it does nothing: the
# new version's postinst keeps the link and the profile.
# electron-builder fills in the dollar-brace macros; plain shell variables use $name.
set -u

case "${1:-}" in
remove | purge) ;;
*) exit 0 ;;
esac

if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}' || true
else
    rm -f '/usr/bin/${executable}'
fi

profile='/etc/apparmor.d/${executable}'
if [ -f "$profile" ]; then
    # Unload before deleting, so the profile is not enforced until the next reboot.
    if apparmor_status --enabled >/dev/null 2>&1; then
        if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
            apparmor_parser --remove "$profile" || true
        fi
    fi
    rm -f "$profile"
fi
exit 0
