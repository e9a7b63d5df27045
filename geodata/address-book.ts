// Door numbers (门牌号): each road in each township numbers its doors 1, 2, 3… in the order
// buildings are laid out; rural doors are numbered within their villagers' group (组).
export class AddressBook {
  private next = new Map<string, number>();

  /** The next door number on `road` in township `town`, as "12号". */
  number(town: number, road: string): string {
    const key = `${town}|${road}`, n = (this.next.get(key) ?? 0) + 1;
    this.next.set(key, n);
    return `${n}号`;
  }
}

export const townShort = (name: string): string => name.replace(/(街道|镇|乡)$/, '');
