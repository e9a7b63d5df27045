// The administrator's user list (GET/POST/PATCH /users, POST /users/{id}/password). A generated
// password is returned to the caller and never kept here: the page shows it once and forgets it.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { apiGet, apiSend } from '../api.ts';
import type { NewUser, User, UserPatch } from './admin-types.ts';

export const useAdminUsers = defineStore('adminUsers', () => {
  const users = shallowRef<User[]>([]);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      users.value = (await apiGet<{ items: User[] }>('/api/v1/users')).items;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  function replace(user: User): void {
    const exists = users.value.some((u) => u.id === user.id);
    users.value = exists ? users.value.map((u) => (u.id === user.id ? user : u)) : [...users.value, user];
  }

  /** Creates the user and returns the generated password (shown once by the caller). */
  async function create(input: NewUser): Promise<{ user: User; password: string }> {
    const created = await apiSend<{ user: User; password: string }>('POST', '/api/v1/users', input);
    replace(created.user);
    return created;
  }

  async function update(id: number, patch: UserPatch): Promise<User> {
    const user = await apiSend<User>('PATCH', `/api/v1/users/${id}`, patch);
    replace(user);
    return user;
  }

  /** A new generated password for the user; their old one stops working. */
  async function resetPassword(id: number): Promise<string> {
    return (await apiSend<{ password: string }>('POST', `/api/v1/users/${id}/password`, {})).password;
  }

  return { users, loading, error, load, create, update, resetPassword };
});
