// electron-builder.yml sets `publish: { provider: custom }` so that the app-update.yml a
// build puts beside app.asar names no feed (the app takes its feed from policy at run
// time) while still carrying what electron-updater needs from it: the cache folder name
// and, for signed Windows builds, the publisher whose signature an update must bear.
// electron-builder loads the custom provider's class from here. Builds never upload:
// IT copies dist/ (installers and latest*.yml) to its own server.
'use strict'

class CallTrayNoUpload {
  /** As the generic provider does: a prerelease version (0.3.0-beta.1) writes beta*.yml. */
  static checkAndResolveOptions(options, channelFromAppVersion) {
    if (options.channel == null && channelFromAppVersion != null)
      options.channel = channelFromAppVersion
  }

  get providerName() {
    return 'custom'
  }

  async upload() {
    throw new Error(
      'Call Tray builds do not upload: copy dist/ to your update server (README, "Administrators").',
    )
  }

  toString() {
    return 'Call Tray (no upload)'
  }
}

module.exports = CallTrayNoUpload
