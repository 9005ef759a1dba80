/** A text in each language the product speaks: English for the CLI and the web app, Russian for the web app. */
export interface Text {
  en: string;
  ru: string;
}
