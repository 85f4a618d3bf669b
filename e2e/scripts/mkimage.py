#!/usr/bin/env python3
"""Packs files into a one-layer container image tarball in the Docker archive format
(manifest.json + config + layer.tar), which `ctr images import` reads. No Docker, no registry.

  mkimage.py --tag crossover.local/testbox:1 --out testbox.tar \
      --add /path/to/testbox:/bin/testbox --entrypoint /bin/testbox [--cmd ARG ...]
      [--add-tree DIR:/opt/dir]   (a whole directory; symlinks stay symlinks)

The image holds only what --add names plus a few empty directories and minimal /etc files; the
output is reproducible (fixed mtimes, uid/gid 0).
"""
import argparse
import hashlib
import io
import json
import os
import tarfile
import tempfile

ETC = {
    "etc/passwd": b"root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n",
    "etc/group": b"root:x:0:\nnogroup:x:65534:\n",
    "etc/nsswitch.conf": b"hosts: files dns\n",
}
DIRS = {"bin": 0o755, "etc": 0o755, "tmp": 0o1777, "root": 0o700, "var": 0o755, "var/run": 0o755}


def tar_info(name, size=0, mode=0o644, kind=tarfile.REGTYPE):
    ti = tarfile.TarInfo(name)
    ti.size, ti.mode, ti.type, ti.mtime, ti.uid, ti.gid = size, mode, kind, 0, 0, 0
    ti.uname = ti.gname = "root"
    return ti


def walk_tree(src, dst):
    """(source path, image path) for every entry under src, parents first."""
    out = [(src, dst)]
    for root, dirs, files in os.walk(src):
        dirs.sort()
        rel = os.path.relpath(root, src)
        for name in sorted(dirs) + sorted(files):
            out.append((os.path.join(root, name), os.path.normpath(os.path.join(dst, rel, name))))
    return out


def build_layer(adds, trees=()):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
        dirs = dict(DIRS)
        for _, dst in list(adds) + list(trees):
            parent = os.path.dirname(dst.strip("/"))
            while parent:
                dirs.setdefault(parent, 0o755)
                parent = os.path.dirname(parent)
        for d in sorted(dirs):
            t.addfile(tar_info(d + "/", mode=dirs[d], kind=tarfile.DIRTYPE))
        for name, data in sorted(ETC.items()):
            t.addfile(tar_info(name, len(data)), io.BytesIO(data))
        entries = list(adds)
        for src, dst in trees:
            entries.extend(walk_tree(src, dst))
        seen = set()
        for src, dst in entries:
            name = dst.strip("/")
            if not name or name in seen or name + "/" in seen:
                continue
            seen.add(name)
            st = os.lstat(src)
            if os.path.islink(src):
                ti = tar_info(name, kind=tarfile.SYMTYPE, mode=0o777)
                ti.linkname = os.readlink(src)
                t.addfile(ti)
            elif os.path.isdir(src):
                t.addfile(tar_info(name + "/", mode=st.st_mode & 0o7777, kind=tarfile.DIRTYPE))
            else:
                with open(src, "rb") as f:
                    t.addfile(tar_info(name, st.st_size, st.st_mode & 0o7777), f)
    return buf.getvalue()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tag", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--add", action="append", default=[], help="SRC:DST (file into the image)")
    p.add_argument("--add-tree", action="append", default=[], help="DIR:DST (a directory, recursively)")
    p.add_argument("--entrypoint", nargs="+", default=None)
    p.add_argument("--entrypoint-json", default=None, help='entrypoint as a JSON list, for arguments that start with "-"')
    p.add_argument("--cmd", nargs="*", default=None)
    p.add_argument("--env", action="append", default=[], help="NAME=VALUE (PATH defaults to /bin:/usr/bin:/sbin:/usr/sbin)")
    p.add_argument("--expose", action="append", default=[], help="PORT/PROTO")
    a = p.parse_args()

    if not any(e.startswith("PATH=") for e in a.env):
        a.env.insert(0, "PATH=/bin:/usr/bin:/sbin:/usr/sbin")
    adds = [tuple(x.split(":", 1)) for x in a.add]
    trees = [tuple(x.split(":", 1)) for x in a.add_tree]
    layer = build_layer(adds, trees)
    layer_sha = hashlib.sha256(layer).hexdigest()
    cfg = {
        "architecture": "amd64",
        "os": "linux",
        "created": "1970-01-01T00:00:00Z",
        "config": {"Env": a.env, "WorkingDir": "/"},
        "rootfs": {"type": "layers", "diff_ids": ["sha256:" + layer_sha]},
        "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "crossover e2e/scripts/mkimage.py"}],
    }
    if a.entrypoint_json:
        a.entrypoint = json.loads(a.entrypoint_json)
    if a.entrypoint:
        cfg["config"]["Entrypoint"] = a.entrypoint
    if a.cmd:
        cfg["config"]["Cmd"] = a.cmd
    if a.expose:
        cfg["config"]["ExposedPorts"] = {e: {} for e in a.expose}
    cfg_bytes = json.dumps(cfg, sort_keys=True, separators=(",", ":")).encode()
    cfg_name = hashlib.sha256(cfg_bytes).hexdigest() + ".json"
    manifest = [{"Config": cfg_name, "RepoTags": [a.tag], "Layers": [layer_sha + "/layer.tar"]}]
    repositories = {a.tag.rsplit(":", 1)[0]: {a.tag.rsplit(":", 1)[1]: layer_sha}}

    out_dir = os.path.dirname(os.path.abspath(a.out))
    os.makedirs(out_dir, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out_dir, suffix=".tmp")
    with os.fdopen(fd, "wb") as f, tarfile.open(fileobj=f, mode="w", format=tarfile.PAX_FORMAT) as t:
        t.addfile(tar_info(layer_sha + "/", mode=0o755, kind=tarfile.DIRTYPE))
        for name, data in ((layer_sha + "/layer.tar", layer), (cfg_name, cfg_bytes),
                           ("manifest.json", json.dumps(manifest).encode()),
                           ("repositories", json.dumps(repositories).encode())):
            t.addfile(tar_info(name, len(data)), io.BytesIO(data))
    os.chmod(tmp, 0o644)
    os.replace(tmp, a.out)
    print(f"mkimage: {a.tag} -> {a.out} ({len(layer) // 1024} KiB layer)")


if __name__ == "__main__":
    main()
