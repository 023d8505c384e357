// Okabe–Ito colours: told apart by readers with the common colour-vision deficiencies.
export const BLUE = "#0072B2";
export const ORANGE = "#E69F00";
export const VERMILLION = "#D55E00";
export const GREEN = "#009E73";
export const SKY = "#56B4E9";
