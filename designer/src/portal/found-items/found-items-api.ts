/** The public search of found items (server/README.md, "Fundbüro register"). */
import { http } from '../../shared/http/http-client.js';

export interface FoundItem {
  aktenzeichen: string;
  category: string;
  description: string;
  place: string;
  foundOn: string;
}

export interface FoundItemSearch {
  category?: string;
  place?: string;
  foundFrom?: string;
  foundTo?: string;
  offset: number;
  limit: number;
}

export interface FoundItemPage {
  items: FoundItem[];
  total: number;
  offset: number;
  limit: number;
}

export function searchFoundItems(search: FoundItemSearch): Promise<FoundItemPage> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) if (value !== undefined && value !== '') query.set(name, String(value));
  return http.request<FoundItemPage>(`/api/portal/found-items?${query}`);
}
