/**
 * The two `validationType`s of form-js text fields, accepting exactly what form-js accepts.
 *
 * Email: the "valid e-mail address" of the HTML standard (the same rule browsers apply to `<input type=email>`).
 * Phone: form-js's rule, which is loose in a particular way that must be kept: somewhere in the text (the start is
 * not anchored) `+` or `00`, a country calling code from its list, then a prefix shaped like an E.164 country code
 * (one to three digits), then 4 to 20 digits up to the end.
 */

const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** The calling codes form-js lists (its list has duplicates; a set of codes is the same rule). */
const CALLING_CODES = [
  1, 7, 20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 60,
  61, 62, 63, 64, 65, 66, 76, 77, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98, 211, 212, 213, 216, 218, 220, 221, 222,
  223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239, 240, 241, 242, 243, 244, 245,
  246, 248, 249, 250, 251, 252, 253, 254, 255, 256, 257, 258, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 291,
  297, 298, 299, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 370, 371, 372, 373, 374, 375, 376, 377, 378, 379,
  380, 381, 382, 383, 385, 386, 387, 389, 420, 421, 423, 500, 501, 502, 503, 504, 505, 506, 507, 508, 509, 590, 591,
  592, 593, 594, 595, 596, 597, 598, 670, 672, 673, 674, 675, 676, 677, 678, 679, 680, 681, 682, 683, 685, 686, 687,
  688, 689, 690, 691, 692, 850, 852, 853, 855, 856, 880, 886, 960, 961, 962, 963, 964, 965, 966, 967, 968, 970, 971,
  972, 973, 974, 975, 976, 977, 992, 993, 994, 995, 996, 998, 1242, 1246, 1264, 1268, 1284, 1340, 1345, 1441, 1473,
  1649, 1664, 1670, 1671, 1684, 1721, 1758, 1767, 1784, 1787, 1809, 1829, 1849, 1868, 1869, 1876, 1939, 4779, 5999,
  3906698,
];

/** E.164-shaped prefixes: two digits followed by any third, two digits, one digit. */
const THREE_DIGIT_STEMS = [99, 97, 96, 89, 88, 87, 85, 83, 80, 69, 68, 67, 59, 50, 42, 38, 37, 35, 29, 28, 26, 25, 24, 23, 22, 21];
const TWO_DIGIT_PREFIXES = [
  98, 95, 94, 93, 92, 91, 90, 86, 84, 82, 81, 66, 65, 64, 63, 62, 61, 60, 58, 57, 56, 55, 54, 53, 52, 51, 49, 48, 47, 46,
  45, 44, 43, 41, 40, 39, 36, 34, 33, 32, 31, 30, 27, 20,
];
const ONE_DIGIT_PREFIXES = [7, 1];

const PHONE = new RegExp(
  `(\\+|00)(${CALLING_CODES.join('|')})` +
    `(${[...THREE_DIGIT_STEMS.map((stem) => `${stem}\\d`), ...TWO_DIGIT_PREFIXES, ...ONE_DIGIT_PREFIXES].join('|')})` +
    '\\d{4,20}$',
);

/** form-js tests the value as `RegExp.test` does, so a non-string is read as its text. */
export function isEmailAddress(value: unknown): boolean {
  return EMAIL.test(value as string);
}

export function isInternationalPhoneNumber(value: unknown): boolean {
  return PHONE.test(value as string);
}
