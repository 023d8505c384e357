import { logout } from "@/app/masuk/actions";

// A form post, so signing out works without JavaScript too.
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={logout} className="signout">
      <button type="submit" className="link-button">
        {label}
      </button>
    </form>
  );
}
