/** Every locale has exactly the keys of the Vietnamese reference (checked by the compiler). */
import type { vi } from './vi';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export type LocaleStrings = Strings<typeof vi>;
