#!/usr/bin/env bash
# The training recipe in one command (see README.md in this folder).
#   models/training/train.sh                 the shipped ensemble: two ResNet-18 members from the NuGet ImageNet weights
#   models/training/train.sh --paper         ResNet-101 + ResNet-152 (the paper's configuration); needs torchvision
#                                            ImageNet weight files: RESNET101_WEIGHTS=... RESNET152_WEIGHTS=... (GPU advised)
#   models/training/train.sh --smoke DIR     a few images, one step, into DIR (what ./test.sh runs)
# Options after these are passed to train.py (e.g. --epochs 10 --data /path --out /path).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
. "$repo/scripts/lib.sh"
ensure_packages python3-torch python3-onnx python3-pil python3-numpy

mode=shipped
out="$repo/models"
if [ "${1:-}" = "--paper" ]; then mode=paper; shift; fi
if [ "${1:-}" = "--smoke" ]; then mode=smoke; out="$2"; shift 2; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

import_resnet18() {
  dotnet restore "$here/pretrained/Pretrained.csproj" --verbosity quiet >/dev/null
  local packages
  packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
  /usr/bin/python3 "$here/import_resnet18_onnx.py" "$packages/microsoft.ml.dnnimagefeaturizer.resnet18/0.23.1" "$work/resnet18-imagenet.pt"
}

# option_value NAME DEFAULT ARGS...: the last value given to NAME in ARGS (what train.py will use), else DEFAULT.
option_value() {
  local name="$1" value="$2" previous=""
  shift 2
  for arg in "$@"; do
    [ "$previous" = "$name" ] && value="$arg"
    previous="$arg"
  done
  printf '%s' "$value"
}

# The content gate (gate.py) is fitted after train.py on the same models folder, data and member checkpoints.
fit_gate() {
  local checkpoints="$1"
  shift
  /usr/bin/python3 gate.py --models "$(option_value --out "$out" "${train_args[@]}")" \
    --checkpoints "$(option_value --checkpoints "$checkpoints" "${train_args[@]}")" \
    --data "$(option_value --data "$repo/../shared/data/cxr" "${train_args[@]}")" "$@"
}

train_args=("$@")
cd "$here"
case "$mode" in
  shipped)
    import_resnet18
    /usr/bin/python3 train.py --data "$repo/../shared/data/cxr" --out "$out" --epochs 6 --checkpoints "$repo/.cache/training/checkpoints" \
      --member "name=resnet18-224,arch=resnet18-cntk,size=224,seed=11,weights=$work/resnet18-imagenet.pt,freeze=layer1" \
      --member "name=resnet18-176,arch=resnet18-cntk,size=176,seed=23,weights=$work/resnet18-imagenet.pt,freeze=layer2" "$@"
    fit_gate "$repo/.cache/training/checkpoints" ;;
  paper)
    : "${RESNET101_WEIGHTS:?set RESNET101_WEIGHTS to torchvision's resnet101 ImageNet .pth}"
    : "${RESNET152_WEIGHTS:?set RESNET152_WEIGHTS to torchvision's resnet152 ImageNet .pth}"
    /usr/bin/python3 train.py --data "$repo/../shared/data/cxr" --out "$out" --epochs 20 --checkpoints "$repo/.cache/training/checkpoints" \
      --member "name=resnet101-224,arch=resnet101,size=224,seed=11,weights=$RESNET101_WEIGHTS,freeze=stem" \
      --member "name=resnet152-224,arch=resnet152,size=224,seed=23,weights=$RESNET152_WEIGHTS,freeze=stem" "$@"
    fit_gate "$repo/.cache/training/checkpoints" ;;
  smoke)
    import_resnet18
    /usr/bin/python3 train.py --data "$repo/../shared/data/cxr" --out "$out" --epochs 1 --batch 4 \
      --limit-per-class 2 --max-steps 1 --draws 8 --cache '' --checkpoints "$out/checkpoints" --reference "$out/reference" \
      --member "name=smoke-a,arch=resnet18-cntk,size=64,seed=1,weights=$work/resnet18-imagenet.pt" \
      --member "name=smoke-b,arch=resnet18,size=48,seed=2" "$@"
    fit_gate "$out/checkpoints" --limit-per-class 2 --reference "$out/reference" ;;
esac
