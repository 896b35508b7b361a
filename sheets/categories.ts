/** The product categories the templates offer as choices (the demo shop sells home and lifestyle goods). */
export const CATEGORIES = ['Kitchen', 'Home textiles', 'Storage', 'Lighting', 'Tableware', 'Bath', 'Outdoor', 'Stationery'];

/** Sales channels of a self-operated shop. */
export const CHANNELS = ['App', 'Web', 'Mini program', 'Livestream'];
