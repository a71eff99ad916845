#!/usr/bin/env bash
# Installs a post-receive hook into a bare Git repository that posts every push to a CI manager webhook
# trigger as GitHub does: a `push` event JSON, X-GitHub-Event / X-GitHub-Delivery headers, and
# X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body keyed by the trigger's secret>.
#
#   CI_MANAGER_WEBHOOK_SECRET=... examples/git-post-receive-hook.sh BARE_REPO WEBHOOK_URL
#
# WEBHOOK_URL is the CI manager's base URL joined with the trigger's webhookUrl, e.g.
# http://127.0.0.1:8080/api/v1/webhooks/acme/default/demo/build_app/on_push_main. The secret (the value of the
# trigger's text secret) is written next to the hook, readable only by its owner, never on a command line.
# The hook needs python3 (standard library only); a failed delivery is reported to the pusher but never
# refuses the push.
set -euo pipefail

if [ $# -ne 2 ] || [ -z "${CI_MANAGER_WEBHOOK_SECRET:-}" ]; then
  echo "usage: CI_MANAGER_WEBHOOK_SECRET=<secret> $0 BARE_REPO WEBHOOK_URL" >&2
  exit 2
fi
repo=$1
url=$2
if [ "$(git -C "$repo" rev-parse --is-bare-repository 2>/dev/null)" != "true" ]; then
  echo "$repo is not a bare Git repository" >&2
  exit 2
fi
case "$url" in
  http://*|https://*) ;;
  *) echo "WEBHOOK_URL must be an http(s) URL: $url" >&2; exit 2 ;;
esac
hooks="$(cd "$repo" && pwd)/hooks"
mkdir -p "$hooks"

( umask 077; printf '%s' "$CI_MANAGER_WEBHOOK_SECRET" > "$hooks/ci-manager-webhook.secret" )
git -C "$repo" config ci-manager.webhookUrl "$url"

cat > "$hooks/post-receive" <<'HOOK'
#!/usr/bin/env python3
"""Posts each ref this push updated to the CI manager as a GitHub push event (see git-post-receive-hook.sh)."""
import getpass, hashlib, hmac, json, os, subprocess, sys, urllib.error, urllib.request, uuid

ZERO = "0" * 40
MAX_COMMITS = 100


def git(*args):
    return subprocess.run(["git", *args], check=True, capture_output=True, text=True).stdout


def files(commit):
    changed = {"added": [], "modified": [], "removed": []}
    kinds = {"A": "added", "M": "modified", "D": "removed", "T": "modified"}
    out = git("diff-tree", "--root", "--no-commit-id", "-r", "--name-status", "--no-renames", commit)
    for line in out.splitlines():
        status, _, path = line.partition("\t")
        changed[kinds.get(status[:1], "modified")].append(path)
    return changed


def commits(old, new):
    if new == ZERO:
        return []
    span = new if old == ZERO else old + ".." + new
    ids = git("rev-list", "--reverse", "--max-count=%d" % MAX_COMMITS, span).split()
    result = []
    for commit in ids:
        message, author, email, timestamp = git("show", "-s", "--format=%B%x00%an%x00%ae%x00%cI", commit).split("\x00")
        entry = {"id": commit, "message": message.strip(), "timestamp": timestamp.strip(),
                 "author": {"name": author, "email": email}, "distinct": True}
        entry.update(files(commit))
        result.append(entry)
    return result


def main():
    url = git("config", "ci-manager.webhookUrl").strip()
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ci-manager-webhook.secret"), "rb") as f:
        secret = f.read()
    pusher = os.environ.get("CI_PUSHER") or os.environ.get("GL_USERNAME") or getpass.getuser()
    repository = os.path.basename(os.path.abspath(os.getcwd()))
    for line in sys.stdin:
        old, new, ref = line.split()
        listed = commits(old, new)
        body = json.dumps({
            "ref": ref, "before": old, "after": new,
            "created": old == ZERO, "deleted": new == ZERO, "forced": False,
            "repository": {"name": repository, "full_name": repository},
            "pusher": {"name": pusher}, "sender": {"login": pusher},
            "commits": listed, "head_commit": listed[-1] if listed else None,
        }).encode("utf-8")
        signature = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
        request = urllib.request.Request(url, data=body, method="POST", headers={
            "Content-Type": "application/json", "User-Agent": "ci-manager-post-receive",
            "X-GitHub-Event": "push", "X-GitHub-Delivery": str(uuid.uuid4()), "X-Hub-Signature-256": signature})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                print("ci-manager: %s %s -> %d %s" % (ref, new[:12], response.status, response.read().decode()))
        except urllib.error.HTTPError as e:
            print("ci-manager: %s %s -> %d %s" % (ref, new[:12], e.code, e.read().decode()), file=sys.stderr)
        except OSError as e:
            print("ci-manager: %s %s -> not delivered: %s" % (ref, new[:12], e), file=sys.stderr)


if __name__ == "__main__":
    main()
HOOK
chmod 755 "$hooks/post-receive"
echo "installed $hooks/post-receive posting pushes to $url"
