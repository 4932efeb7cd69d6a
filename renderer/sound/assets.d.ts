// Vite turns an imported sound file into the URL it is served or bundled at.
declare module '*.wav' {
  const url: string
  export default url
}
