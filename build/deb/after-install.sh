#!/bin/bash
# postinst of the deb (electron-builder.yml, deb.afterInstall): electron-builder's own
# script, kept to system paths. It links the executable onto the PATH, sets up the
# sandbox helper and the AppArmor profile, and refreshes the menu. It never looks into
# home folders: each agent's settings, sign-in and logs belong to that agent.
# electron-builder fills in the dollar-brace macros; plain shell variables use $name.
set -u

if type update-alternatives >/dev/null 2>&1; then
    # An older package linked /usr/bin directly instead of through update-alternatives.
    if [ -L '/usr/bin/${executable}' ] && [ -e '/usr/bin/${executable}' ] && [ "$(readlink '/usr/bin/${executable}')" != '/etc/alternatives/${executable}' ]; then
        rm -f '/usr/bin/${executable}'
    fi
    update-alternatives --install '/usr/bin/${executable}' '${executable}' '/opt/${sanitizedProductName}/${executable}' 100 || ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
else
    ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
fi

# The SUID sandbox helper only where the kernel offers no user namespaces.
if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
    chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
else
    chmod 0755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
fi

if hash update-mime-database 2>/dev/null; then
    update-mime-database /usr/share/mime || true
fi
if hash update-desktop-database 2>/dev/null; then
    update-desktop-database /usr/share/applications || true
fi

# Ubuntu 24.04+ needs an AppArmor profile for Electron's sandbox; older AppArmor cannot
# parse it, and there the app runs without one.
if apparmor_status --enabled >/dev/null 2>&1; then
    profile_source='/opt/${sanitizedProductName}/resources/apparmor-profile'
    profile_target='/etc/apparmor.d/${executable}'
    if apparmor_parser --skip-kernel-load --debug "$profile_source" >/dev/null 2>&1; then
        cp -f "$profile_source" "$profile_target"
        if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
            apparmor_parser --replace --write-cache --skip-read-cache "$profile_target"
        fi
    else
        echo "Skipping the AppArmor profile: this AppArmor cannot parse it"
    fi
fi
exit 0
