/* kamerzoek */
import{ERROR_KINDS as t,IndexError as m,configureEngine as n,load as o}from"./engine.js";import{KamerZoek as r,configureWidget as i}from"./widget.js";customElements.get("kamer-zoek")||customElements.define("kamer-zoek",r);export function configure(e={}){n(e),i(e)}export const Kamerzoek={load:o,configure};export{t as ERROR_KINDS,m as IndexError,r as KamerZoek,o as load};
